namespace NewsPulse.Storage.Stores;

/// <summary>What loading a feeds file changed in the feeds table.</summary>
public sealed record FeedSyncResult(int Added, int Updated, int Disabled);
