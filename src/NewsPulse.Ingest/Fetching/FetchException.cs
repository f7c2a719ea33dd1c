namespace NewsPulse.Ingest.Fetching;

/// <summary>A request that did not produce a usable response; the message is the reason recorded for the user.</summary>
public sealed class FetchException : Exception
{
    /// <summary>The HTTP status when the server answered with an error; null for network failures and caps.</summary>
    public int? StatusCode { get; init; }

    /// <summary>How long the server asked us to wait (Retry-After on 429 or 503).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Refused by NewsPulse itself (a private address, a scheme other than http/https): asking again will not help.</summary>
    public bool Refused { get; init; }

    public FetchException()
    {
    }

    public FetchException(string message)
        : base(message)
    {
    }

    public FetchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
