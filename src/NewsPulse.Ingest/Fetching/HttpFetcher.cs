using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NewsPulse.Domain;
using Polly;

namespace NewsPulse.Ingest.Fetching;

/// <summary>
/// The one place NewsPulse talks HTTP: timeouts, body caps and conditional GET. Every failure
/// becomes a <see cref="FetchException"/> whose message is fit to show and store.
/// </summary>
public sealed class HttpFetcher(HttpClient client, IOptions<FetchOptions> options, HostGate hosts, TimeProvider time)
{
    public const string HttpClientName = "newspulse";

    private readonly FetchOptions _options = options.Value;

    public Task<FetchedResource> FetchFeedAsync(Uri url, ConditionalHeaders validators, CancellationToken cancellationToken) =>
        FetchAsync(url, validators, _options.MaxFeedBytes, "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5", cancellationToken);

    public Task<FetchedResource> FetchPageAsync(Uri url, CancellationToken cancellationToken) =>
        FetchAsync(url, ConditionalHeaders.None, _options.MaxPageBytes, "text/html, application/xhtml+xml;q=0.9, */*;q=0.5", cancellationToken);

    /// <summary>A small text resource such as robots.txt, with its own size cap.</summary>
    public Task<FetchedResource> FetchTextAsync(Uri url, long maxBytes, CancellationToken cancellationToken) =>
        FetchAsync(url, ConditionalHeaders.None, maxBytes, "text/plain, */*;q=0.5", cancellationToken);

    /// <summary>The product token robots.txt groups are matched against: the User-Agent's first word, e.g. NewsPulse.</summary>
    public string ProductToken => _options.UserAgent.Split('/', ' ')[0];

    /// <summary>
    /// One GET, following up to <c>MaxRedirects</c> redirects by hand so that each hop passes the host gate and the
    /// address check, and so that a chain of permanent redirects (301, 308) from the start can be reported.
    /// </summary>
    private async Task<FetchedResource> FetchAsync(Uri url, ConditionalHeaders validators, long maxBytes, string accept, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        var current = url;
        Uri? movedPermanentlyTo = null;
        var permanentSoFar = true;
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (current.Scheme is not ("http" or "https"))
                {
                    throw new FetchException($"refused: only http and https URLs are fetched, not {current.Scheme}") { Refused = true };
                }

                using var turn = await hosts.EnterAsync(current, timeout.Token);
                using var request = Request(current, accept, validators);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    if (hop >= _options.MaxRedirects)
                    {
                        throw new FetchException($"too many redirects: more than {_options.MaxRedirects}, the last to {new Uri(current, location)}") { StatusCode = status };
                    }

                    current = new Uri(current, location);
                    permanentSoFar &= status is 301 or 308;
                    movedPermanentlyTo = permanentSoFar ? current : movedPermanentlyTo;
                    continue;
                }

                return await ReadResponseAsync(url, current, response, validators, maxBytes, movedPermanentlyTo, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException($"timed out after {_options.TimeoutSeconds} s");
        }
        catch (HttpRequestException ex) when (ex.InnerException is BlockedAddressException blocked)
        {
            throw new FetchException(blocked.Message, ex) { Refused = true };
        }
        catch (HttpRequestException ex)
        {
            throw new FetchException($"request failed: {Describe(ex)}", ex);
        }
    }

    private static HttpRequestMessage Request(Uri url, string accept, ConditionalHeaders validators)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (validators.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (validators.LastModified is { } lastModified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        return request;
    }

    private async Task<FetchedResource> ReadResponseAsync(
        Uri requested, Uri finalUrl, HttpResponseMessage response, ConditionalHeaders validators, long maxBytes, Uri? movedPermanentlyTo, CancellationToken cancellationToken)
    {
        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.LastModified?.ToString("R");
        var maxAge = response.Headers.CacheControl?.MaxAge;
        var expires = response.Content.Headers.Expires;
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new FetchedResource(requested, finalUrl, 304, [], null, etag ?? validators.ETag, lastModified ?? validators.LastModified, maxAge, expires, movedPermanentlyTo);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new FetchException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd())
            {
                StatusCode = (int)response.StatusCode,
                RetryAfter = RetryAfter(response.Headers.RetryAfter),
            };
        }

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new FetchException($"response too large: {response.Content.Headers.ContentLength} bytes declared, the limit is {maxBytes}");
        }

        var body = await ReadCappedAsync(response.Content, maxBytes, cancellationToken);
        return new FetchedResource(
            requested, finalUrl, (int)response.StatusCode, body, response.Content.Headers.ContentType?.ToString(), etag, lastModified, maxAge, expires, movedPermanentlyTo);
    }

    private TimeSpan? RetryAfter(System.Net.Http.Headers.RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FetchException($"response too large: more than {maxBytes} bytes, download stopped");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Describe(HttpRequestException ex) => ex.HttpRequestError switch
    {
        HttpRequestError.ConnectionError => $"could not connect ({ex.InnerException?.Message ?? ex.Message})",
        HttpRequestError.NameResolutionError => $"host name not found ({ex.InnerException?.Message ?? ex.Message})",
        HttpRequestError.SecureConnectionError => $"TLS handshake failed ({ex.InnerException?.Message ?? ex.Message})",
        _ => ex.InnerException?.Message ?? ex.Message,
    };

    /// <summary>
    /// The handler chain every fetch goes through: a retry of passing failures over <see cref="CreateHandler"/>.
    /// Retry-After is never waited out here; it goes back to the scheduler, which defers the feed instead.
    /// </summary>
    public static HttpMessageHandler CreateHandlerChain(FetchOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = CreateHandler(options);
        if (options.Retries == 0)
        {
            return handler;
        }

        var retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.Retries,
                Delay = TimeSpan.FromMilliseconds(options.RetryDelayMs),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = false,
                ShouldHandle = arguments => ValueTask.FromResult(IsPassingFailure(arguments.Outcome)),
            })
            .Build();
        return new ResilienceHandler(retry) { InnerHandler = handler };
    }

    /// <summary>
    /// Failures worth one more try at once: a dropped or refused connection, a timeout or overload answer that
    /// names no Retry-After. A refused address, an unknown host or a TLS failure will not be different a second later.
    /// </summary>
    private static bool IsPassingFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { InnerException: BlockedAddressException } } => false,
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } } => false,
        { Exception: HttpRequestException } => true,
        { Result: { } response } => (int)response.StatusCode is 408 or 500 or 502 or 503 or 504 && response.Headers.RetryAfter is null,
        _ => false,
    };

    /// <summary>
    /// The innermost handler: decompression (gzip, deflate, brotli), connect
    /// timeout, and the address check. The check runs when connecting, on the addresses DNS actually returned, so
    /// neither a redirect nor a DNS answer that changes between check and use can slip past it.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var allowPrivate = options.AllowPrivateNetworks;
        return new SocketsHttpHandler
        {
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, allowPrivate, cancellationToken),
            AutomaticDecompression = DecompressionMethods.All,
            // Redirects are followed by the fetcher itself, hop by hop (see FetchAsync).
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(options.ConnectTimeoutSeconds),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
        };
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
        var allowed = allowPrivate ? addresses : addresses.Where(NetworkAddressPolicy.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw addresses.Length == 0
                ? new SocketException((int)SocketError.HostNotFound)
                : new BlockedAddressException(
                    $"refused: {endPoint.Host} resolves to a local or private address ({addresses[0]}); set Fetch:AllowPrivateNetworks=true to allow it");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Headers every request carries.</summary>
    public static void ConfigureClient(HttpClient client, FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.Clear();
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
    }
}
