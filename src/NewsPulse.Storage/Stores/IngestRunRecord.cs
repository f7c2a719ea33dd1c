namespace NewsPulse.Storage.Stores;

/// <summary>The outcome of one ingest run, kept so failures stay visible after the console scrolls away.</summary>
public sealed record IngestRunRecord(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int FeedsOk,
    int FeedsFailed,
    int FeedsNotModified,
    int ArticlesNew,
    int ArticlesDuplicate,
    int ArticlesExtracted,
    int ArticlesFailed,
    IReadOnlyList<IngestProblem> Problems);
