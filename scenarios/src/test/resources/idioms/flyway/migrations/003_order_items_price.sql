-- V3__order_items_price.sql: keep the price paid on each line; SQLite needs a rebuild for the CHECK
CREATE TABLE order_items_new (
    order_id         INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id       INTEGER NOT NULL REFERENCES products (id),
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_cents INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (order_id, product_id)
);

INSERT INTO order_items_new (order_id, product_id, quantity, unit_price_cents)
    SELECT oi.order_id, oi.product_id, max(oi.quantity, 1), p.price_cents
    FROM order_items oi JOIN products p ON p.id = oi.product_id;

DROP TABLE order_items;

ALTER TABLE order_items_new RENAME TO order_items;

CREATE INDEX idx_order_items_product ON order_items (product_id);
