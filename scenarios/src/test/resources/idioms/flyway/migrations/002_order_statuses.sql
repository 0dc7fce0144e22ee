-- V2__order_statuses.sql
CREATE TABLE order_statuses (
    code        TEXT PRIMARY KEY,
    label       TEXT NOT NULL
);

INSERT OR IGNORE INTO order_statuses (code, label) VALUES
    ('new', 'New'),
    ('paid', 'Paid'),
    ('shipped', 'Shipped'),
    ('cancelled', 'Cancelled');

CREATE INDEX idx_orders_status ON orders (status);
