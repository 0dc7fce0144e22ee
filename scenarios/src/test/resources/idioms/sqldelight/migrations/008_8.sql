-- 8.sqm: a position is renamed, and the roster shows the coach
UPDATE position SET code = 'F' WHERE code = 'C';
DROP VIEW roster;
CREATE VIEW roster AS
SELECT team.name AS team_name, coach.name AS coach_name, player.name AS player_name, player.jersey_number, position.code AS position
FROM player
JOIN team ON team.id = player.team_id
LEFT JOIN coach ON coach.id = team.coach_id
JOIN position ON position.id = player.position_id;
