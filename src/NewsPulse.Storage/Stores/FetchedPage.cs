namespace NewsPulse.Storage.Stores;

/// <summary>A page's response as stored: the bytes exactly as served, so extraction can rerun later.</summary>
public sealed record FetchedPage(Uri FinalUrl, int HttpStatus, string? ContentType, byte[] Body);
