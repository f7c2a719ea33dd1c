namespace NewsPulse.Ingest.Fetching;

/// <summary>Validators from the previous fetch, sent back so an unchanged feed costs a 304 and no parsing.</summary>
public sealed record ConditionalHeaders(string? ETag, string? LastModified)
{
    public static ConditionalHeaders None { get; } = new(null, null);
}
