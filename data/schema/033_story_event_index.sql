-- Stories: the articles of an event, found by index (merging two events
-- moves the articles of one into the other: without it every merge scans
-- the whole table).
CREATE INDEX article_story_event ON article_story(event);
