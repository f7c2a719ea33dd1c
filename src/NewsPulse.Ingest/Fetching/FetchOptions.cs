using System.ComponentModel.DataAnnotations;

namespace NewsPulse.Ingest.Fetching;

/// <summary>HTTP settings for feeds and pages (configuration section <c>Fetch</c>).</summary>
public sealed class FetchOptions
{
    public const string SectionName = "Fetch";

    /// <summary>Sent with every request; says who we are and where to complain.</summary>
    [Required(AllowEmptyStrings = false)]
    public string UserAgent { get; set; } = "NewsPulse/0.1 (+https://github.com/newspulse/newspulse)";

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    [Range(1, 60)]
    public int ConnectTimeoutSeconds { get; set; } = 10;

    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxFeedBytes { get; set; } = 10L * 1024 * 1024;

    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxPageBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Article pages fetched at once across all hosts.</summary>
    [Range(1, 64)]
    public int MaxConcurrentPages { get; set; } = 4;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Requests in flight to one host at most.</summary>
    [Range(1, 32)]
    public int PerHostConcurrency { get; set; } = 2;

    /// <summary>Minimum time between the starts of two requests to one host.</summary>
    [Range(0, 600_000)]
    public int PerHostDelayMs { get; set; } = 1000;

    /// <summary>
    /// Pause before the one retry of a passing failure (dropped connection, 408, 500, 502, 503 or 504 without
    /// Retry-After), doubled per further retry and jittered; the retries share the fetch's time budget.
    /// </summary>
    [Range(0, 60_000)]
    public int RetryDelayMs { get; set; } = 1000;

    /// <summary>Retries of a passing failure; 0 turns retrying off.</summary>
    [Range(0, 5)]
    public int Retries { get; set; } = 1;

    /// <summary>
    /// Allow connections to loopback, private, link-local and multicast addresses. Off by default so a feed,
    /// a page or a redirect cannot reach into the local network; the demo and the tests turn it on for 127.0.0.1.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
