using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using NewsPulse.LocalSmtp;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace NewsPulse.DigestBench;

/// <summary>
/// A real SMTP server (the SmtpServer library) on a free 127.0.0.1 port that takes every message through the whole
/// SMTP dialogue and DATA, reads its headers, and keeps only counts: messages, bytes and distinct Message-IDs.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly Store _store = new();
    private readonly LoopbackSmtpServer _server;

    public SmtpSink() => _server = new LoopbackSmtpServer(_store);

    public int Messages => _store.Messages;

    public long Bytes => _store.Bytes;

    public int DistinctMessageIds => _store.MessageIds.Count;

    /// <summary>The settings that make NewsPulse send here.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _server.Settings;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private sealed class Store : MessageStore
    {
        private int _messages;
        private long _bytes;

        public int Messages => Volatile.Read(ref _messages);

        public long Bytes => Interlocked.Read(ref _bytes);

        public ConcurrentDictionary<string, bool> MessageIds { get; } = new(StringComparer.Ordinal);

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var headers = await HeaderList.LoadAsync(stream, cancellationToken);
            if (headers[HeaderId.MessageId] is not { Length: > 0 } messageId)
            {
                return SmtpResponse.SyntaxError;
            }

            MessageIds.TryAdd(messageId, true);
            Interlocked.Add(ref _bytes, buffer.Length);
            Interlocked.Increment(ref _messages);
            return SmtpResponse.Ok;
        }
    }
}
