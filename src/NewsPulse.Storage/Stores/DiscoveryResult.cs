namespace NewsPulse.Storage.Stores;

/// <summary>
/// How many of a feed's items were new articles and how many were already known; of those, how many the
/// publisher changed (title edited, or link moved under the same entry id), which are fetched again.
/// </summary>
public sealed record DiscoveryResult(int New, int Duplicate, int Updated = 0);
