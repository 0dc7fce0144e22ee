-- 20200116090000_todos_indexes_again.js: the indexes the rebuild lost
create index `todos_list_id_index` on `todos` (`list_id`);
create index `todos_status_id_index` on `todos` (`status_id`);
