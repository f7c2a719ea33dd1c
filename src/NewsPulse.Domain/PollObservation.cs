namespace NewsPulse.Domain;

/// <summary>Everything the scheduling rule needs to know about one poll of a feed.</summary>
/// <param name="Outcome">How the poll ended.</param>
/// <param name="DeclaredInterval">The feed's interval from feeds.yaml: the starting point before adaptation.</param>
/// <param name="ConsecutiveErrors">Failed polls in a row, this one included (0 after a success).</param>
/// <param name="ItemsPerDay">The feed's observed posting rate, when its items carry dates.</param>
/// <param name="Ttl">RSS &lt;ttl&gt;: the publisher's minimum time between polls.</param>
/// <param name="MaxAge">Cache-Control max-age of the response.</param>
/// <param name="Expires">The response's Expires header.</param>
/// <param name="RetryAfter">Retry-After of a 429 or 503 response.</param>
public sealed record PollObservation(
    PollOutcome Outcome,
    TimeSpan DeclaredInterval,
    int ConsecutiveErrors = 0,
    double? ItemsPerDay = null,
    TimeSpan? Ttl = null,
    TimeSpan? MaxAge = null,
    DateTimeOffset? Expires = null,
    TimeSpan? RetryAfter = null);
