-- Statistics for 0016's new customers indexes: without them the planner chose them wrongly at 1M
-- customers (phone quick find 50 s, a team's grid page up to 30 s, seen by the seats bench); after
-- ANALYZE every such query took <= 60 ms. A separate migration so databases that applied 0016 get it too.
ANALYZE `customers`;
