using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Ingestion;

/// <summary>What one ingest run did (as stored in ingest_runs under <paramref name="RunId"/>), and how long it took.</summary>
public sealed record IngestSummary(long RunId, TimeSpan Elapsed, IngestRunRecord Run);
