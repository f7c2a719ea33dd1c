using NewsPulse.Domain;

namespace NewsPulse.Storage.Stores;

/// <summary>A feed row with its fetch state.</summary>
public sealed class StoredFeed
{
    public long Id { get; init; }

    public required string Url { get; init; }

    public required string Name { get; init; }

    public string? Language { get; init; }

    public string? Category { get; init; }

    public int PollIntervalSeconds { get; init; }

    public bool Enabled { get; init; }

    public required string Source { get; init; }

    public string? Etag { get; init; }

    public string? LastModified { get; init; }

    public DateTimeOffset NextCheckAt { get; init; }

    public DateTimeOffset? LastCheckedAt { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    public int ErrorCount { get; init; }

    public string? LastError { get; init; }

    /// <summary>Observed posting rate (items per day) from the dated items of the last full read.</summary>
    public double? ItemsPerDay { get; init; }

    public int? LastHttpStatus { get; init; }

    /// <summary>URLs the feed had before permanent redirects moved it.</summary>
    public string[] MovedFrom { get; init; } = [];

    /// <summary>One word for the feed's health: disabled, gone (410), failing, new (never read yet) or ok.</summary>
    public string State => !Enabled ? "disabled" : LastHttpStatus == 410 ? "gone" : ErrorCount > 0 ? "failing" : LastSuccessAt is null ? "new" : "ok";

    /// <summary>The feed as a feeds file would declare it (for exports).</summary>
    public FeedDefinition ToDefinition() =>
        new(Name, new Uri(Url), Language, TimeSpan.FromSeconds(PollIntervalSeconds), Category, Enabled);
}
