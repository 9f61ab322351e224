import { describe, expect, it } from 'vitest';
import { api } from '../../common/api';
import { DATASETS } from '../../common/api/grid';
import { defineFeature } from '../feature';
import { datasetDef, registerDatasets } from './grid/datasets';
import { collectHandlers, FEATURES, handlers } from './registry';

describe('feature registry', () => {
  it('serves every method of the contract, each from exactly one feature', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(api).sort());
    const owners = FEATURES.flatMap((f) => Object.keys(f.handlers));
    expect(owners.length).toBe(new Set(owners).size);
  });

  it('has a registered definition for every data set a screen may ask the grid for', () => {
    for (const name of DATASETS) expect(datasetDef(name).columns.length, name).toBeGreaterThan(0);
  });

  it('refuses a second handler for one method and a data set the contract does not name', () => {
    const a = defineFeature({ name: 'a', handlers: { 'system.health': () => null } });
    const b = defineFeature({ name: 'b', handlers: { 'system.health': () => null } });
    expect(() => collectHandlers([a, b] as never)).toThrow("b: method 'system.health' already has a handler");
    expect(() => registerDatasets('c', { nope: datasetDef('customers') } as never)).toThrow("c: data set 'nope' is not in the contract's DATASETS");
  });
});
