namespace NewsPulse.App.Ingestion;

/// <summary>What to ingest: the feeds of one file (loaded first), or every enabled feed in the database.</summary>
/// <param name="FeedsFile">A feeds.yaml to load and poll; null polls the database's enabled feeds.</param>
/// <param name="BaseUrl">Base for relative URLs in the feeds file (the demo's local sample server).</param>
/// <param name="DueOnly">Poll only feeds whose next check is due (a scheduler's cycle), not every enabled feed.</param>
/// <param name="PollFeeds">Poll the feeds for new items; the scheduler's page job turns this off.</param>
/// <param name="ProcessPages">Fetch and extract pending article pages; the scheduler's poll job turns this off.</param>
public sealed record IngestRequest(string? FeedsFile, Uri? BaseUrl = null, bool DueOnly = false, bool PollFeeds = true, bool ProcessPages = true)
{
    /// <summary>A scheduler's feed cycle: the feeds due now, nothing else.</summary>
    public static IngestRequest DueFeeds { get; } = new(null, DueOnly: true, ProcessPages: false);

    /// <summary>A scheduler's page cycle: every pending page, no polling.</summary>
    public static IngestRequest PendingPages { get; } = new(null, PollFeeds: false);
}
