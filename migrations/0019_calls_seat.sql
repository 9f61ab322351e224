-- A call started through a LAN seat names it: the seat may upload that call's recording with its own credential.
ALTER TABLE `calls` ADD `seat_id` integer REFERENCES seats(id);
