namespace NewsPulse.Storage.Stores;

/// <summary>How many of a feed's items were new articles and how many were already known.</summary>
public sealed record DiscoveryResult(int New, int Duplicate);
