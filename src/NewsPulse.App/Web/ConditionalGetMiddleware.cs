using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace NewsPulse.App.Web;

/// <summary>
/// Gives every successful GET an <c>ETag</c> (a hash of the body) and answers 304 Not Modified when the client
/// already holds it (<c>If-None-Match</c>), so polling clients and browsers re-download nothing that did not change.
/// The body is hashed as it is written; one larger than <see cref="MaxHashedBytes"/> streams through untagged
/// rather than sit in memory.
/// </summary>
internal sealed class ConditionalGetMiddleware(RequestDelegate next)
{
    public const int MaxHashedBytes = 8 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var original = response.Body;
        await using var buffer = new SpillingStream(original, MaxHashedBytes);
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        if (buffer.Spilled)
        {
            return;
        }

        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.ETag))
        {
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.Buffered.Span)[..16])}\"";
            response.Headers.ETag = etag;
            if (!response.Headers.ContainsKey(HeaderNames.CacheControl))
            {
                // Clients may keep a copy but must ask again each time: the article list changes with every poll.
                response.Headers.CacheControl = "no-cache";
            }

            if (Matches(context.Request.Headers.IfNoneMatch, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.Remove(HeaderNames.ContentDisposition);
                return;
            }
        }

        await original.WriteAsync(buffer.Buffered, context.RequestAborted);
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.Any(value => value is not null && value.Split(',').Any(tag =>
        {
            var candidate = tag.Trim();
            return candidate == "*" || candidate == etag || candidate == "W/" + etag;
        }));

    /// <summary>Holds what is written up to a limit; past it, writes what it held and everything after straight through.</summary>
    private sealed class SpillingStream(Stream inner, int limit) : Stream
    {
        private readonly MemoryStream _held = new();

        public bool Spilled { get; private set; }

        public ReadOnlyMemory<byte> Buffered => _held.GetBuffer().AsMemory(0, (int)_held.Length);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!Spilled && _held.Length + buffer.Length <= limit)
            {
                _held.Write(buffer.Span);
                return;
            }

            if (!Spilled)
            {
                Spilled = true;
                await inner.WriteAsync(Buffered, cancellationToken);
                _held.SetLength(0);
            }

            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task FlushAsync(CancellationToken cancellationToken) => Spilled ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

        public override void Flush()
        {
            if (Spilled)
            {
                inner.Flush();
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _held.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
