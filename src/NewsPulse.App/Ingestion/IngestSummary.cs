using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Ingestion;

/// <summary>
/// What one ingest run did (as stored in ingest_runs under <paramref name="RunId"/>; idle scheduler cycles are not stored), how long it took, and how
/// that time split between polling feeds and processing article pages.
/// </summary>
public sealed record IngestSummary(long? RunId, TimeSpan Elapsed, IngestRunRecord Run, TimeSpan PollTime, TimeSpan PageTime);
