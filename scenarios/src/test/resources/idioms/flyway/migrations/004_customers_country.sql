-- V4__customers_country.sql
ALTER TABLE customers ADD COLUMN country TEXT NOT NULL DEFAULT 'NL';
UPDATE customers SET phone = NULL WHERE phone = '';
INSERT OR IGNORE INTO order_statuses (code, label) VALUES ('refunded', 'Refunded');
CREATE INDEX idx_customers_country ON customers (country);
