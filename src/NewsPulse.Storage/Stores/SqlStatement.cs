namespace NewsPulse.Storage.Stores;

/// <summary>
/// A statement exactly as a store runs it, SQL and Dapper parameters, so that tools can EXPLAIN the real query
/// instead of a copy that drifts.
/// </summary>
public sealed record SqlStatement(string Sql, object Parameters);
