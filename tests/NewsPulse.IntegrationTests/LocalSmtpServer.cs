using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using NewsPulse.LocalSmtp;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace NewsPulse.IntegrationTests;

/// <summary>
/// A real SMTP server (the SmtpServer library) on a free 127.0.0.1 port, keeping every message it accepts. A test
/// may have it refuse a message (451, 550...) or take its time over each one.
/// </summary>
internal sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly LoopbackSmtpServer _server;
    private readonly Store _store;

    private LocalSmtpServer(Store store)
    {
        _store = store;
        _server = new LoopbackSmtpServer(store);
    }

    public int Port => _server.Port;

    /// <summary>Accepted messages, in the order they were accepted.</summary>
    public IReadOnlyList<MimeMessage> Messages => [.. _store.Accepted];

    /// <summary>The NewsPulse settings that send to this server.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _server.Settings;

    /// <param name="refuse">Given the 0-based number of a DATA transaction, the answer that refuses it, or null to accept.</param>
    /// <param name="delay">Time taken over each message before answering (to catch a sender mid-batch).</param>
    public static LocalSmtpServer Start(Func<int, SmtpResponse?>? refuse = null, TimeSpan? delay = null) => new(new Store(refuse, delay ?? TimeSpan.Zero));

    /// <summary>Waits (at most a minute) until <paramref name="count"/> messages were accepted.</summary>
    public async Task WaitForAsync(int count)
    {
        for (var look = 0; look < 1200 && _store.Accepted.Count < count; look++)
        {
            await Task.Delay(50);
        }

        Assert.True(_store.Accepted.Count >= count, $"{count} messages expected, {_store.Accepted.Count} accepted");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private sealed class Store(Func<int, SmtpResponse?>? refuse, TimeSpan delay) : MessageStore
    {
        private int _transactions = -1;

        public ConcurrentQueue<MimeMessage> Accepted { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            if (refuse?.Invoke(Interlocked.Increment(ref _transactions)) is { } refusal)
            {
                return refusal;
            }

            using var stream = new MemoryStream(buffer.ToArray());
            Accepted.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
