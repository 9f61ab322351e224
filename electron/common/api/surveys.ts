import { z } from 'zod';
import { method, returns } from './contract';
import type { Role } from '../roles';
import type { ImportReport } from './service-visits';
import { importEncoding } from './import-file';

/**
 * 厂家满意度调查结果 (CSI sales / SSI service, reference/003): imported from the manufacturer's file,
 * matched to the customer and vehicle; a low score (under service.lowScoreThreshold, or
 * dissatisfied) creates a 低分跟进 task due within 3 days.
 */
export const SURVEY_ROLES: readonly Role[] = ['serviceManager', 'generalManager', 'admin'];

export interface SurveyImportReport extends ImportReport {
  /** Low-score follow-up tasks created by this import (re-importing creates none again). */
  lowScoreTasks: number;
}

export const surveysApi = {
  /** The manufacturer's file: VIN / 车牌 / 电话, 类型 (CSI/SSI), 日期, 分数, 是否不满意, 意见. */
  'surveys.import': method({
    input: z
      .object({
        /** The file, sent first through the upload route. */
        uploadId: z.string().min(1).max(64),
        /** A CSV's encoding when the detection guessed wrong; default: detected. */
        encoding: importEncoding,
        /** Who gets the low-score follow-ups (an active agent); none: they wait under 未分配. */
        assigneeId: z.number().int().positive().nullable().optional(),
      })
      .strict(),
    access: SURVEY_ROLES,
    output: returns<SurveyImportReport>(),
  }),
};
