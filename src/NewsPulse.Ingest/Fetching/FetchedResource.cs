namespace NewsPulse.Ingest.Fetching;

/// <summary>A successful (2xx) or not-modified (304) response, body capped at the configured size, with its caching hints and, when the URL answered with permanent redirects (301, 308), where it now lives.</summary>
public sealed record FetchedResource(
    Uri RequestedUrl,
    Uri FinalUrl,
    int StatusCode,
    byte[] Body,
    string? ContentType,
    string? ETag,
    string? LastModified,
    TimeSpan? MaxAge = null,
    DateTimeOffset? Expires = null,
    Uri? MovedPermanentlyTo = null)
{
    public bool NotModified => StatusCode == 304;
}
