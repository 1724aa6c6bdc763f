/**
 * The monitor's query language, without a terminal: columns a query can name ({@link
 * fleetroll.query.ColumnCatalogue}), the typed {@link fleetroll.query.CellValue} of a cell, the
 * parser ({@link fleetroll.query.QueryParser}) and the {@link fleetroll.query.Query} it builds,
 * which filters and sorts any {@link fleetroll.query.QueryRow}; the filter history and saved
 * filters on disk; and pure models of the interactive filter line and picker, which {@code
 * fleetroll.monitor} draws.
 *
 * <p>Nothing here reads a clock or a terminal, and nothing imports {@code fleetroll.monitor}: the
 * monitor's {@code Column} is the one list of column names, aliases and kinds, and hands its
 * catalogue to the parser; its rows implement {@link fleetroll.query.QueryRow} and its cells are
 * {@link fleetroll.query.CellValue}s.
 */
package fleetroll.query;
