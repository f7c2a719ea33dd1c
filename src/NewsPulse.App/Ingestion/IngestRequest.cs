namespace NewsPulse.App.Ingestion;

/// <summary>What to ingest: the feeds of one file (loaded first), or every enabled feed in the database.</summary>
/// <param name="FeedsFile">A feeds.yaml to load and poll; null polls the database's enabled feeds.</param>
/// <param name="BaseUrl">Base for relative URLs in the feeds file (the demo's local sample server).</param>
/// <param name="DueOnly">Poll only feeds whose next check is due (a scheduler's cycle), not every enabled feed.</param>
public sealed record IngestRequest(string? FeedsFile, Uri? BaseUrl = null, bool DueOnly = false);
