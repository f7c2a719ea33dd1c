using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MimeKit;
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
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    private SmtpSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public int Messages => _store.Messages;

    public long Bytes => _store.Bytes;

    public int DistinctMessageIds => _store.MessageIds.Count;

    /// <summary>The settings that make NewsPulse send here.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "none",
        ["Smtp:From"] = "NewsPulse <digest@news.example.org>",
    };

    public static SmtpSink Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new SmtpSink(port);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopping is how the server ends.
        }

        _stop.Dispose();
    }

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
