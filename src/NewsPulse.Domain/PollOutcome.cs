namespace NewsPulse.Domain;

/// <summary>How a feed poll ended, as far as scheduling the next one is concerned.</summary>
public enum PollOutcome
{
    /// <summary>The feed was read (200).</summary>
    Success,

    /// <summary>The server said nothing changed (304).</summary>
    NotModified,

    /// <summary>The server asked us to slow down (429, or 503 with Retry-After).</summary>
    RateLimited,

    /// <summary>Any other failure: network, timeout, 4xx/5xx, unreadable feed.</summary>
    Error,

    /// <summary>410 Gone: the publisher retired the feed; it is still checked, rarely, in case it returns.</summary>
    Gone,
}
