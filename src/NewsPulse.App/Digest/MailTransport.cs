using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using NewsPulse.App.Hosting;

namespace NewsPulse.App.Digest;

/// <summary>A message that could not be handed over, and whether trying again later could help.</summary>
public sealed class MailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The server refused it for good (5xx): a retry would be refused too.</summary>
    public bool Permanent { get; } = permanent;
}

/// <summary>One open way out for messages: an SMTP connection, or the folder of .eml files.</summary>
public interface IMailSession : IAsyncDisposable
{
    /// <summary>Hands the message over; throws <see cref="MailDeliveryException"/> when it was not accepted.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Where mail goes: the SMTP server of <c>Smtp:*</c> (MailKit: none, STARTTLS or implicit TLS, optional login), or,
/// with no <c>Smtp:Host</c> (the embedded default), .eml files under <c>Digest:MailDirectory</c>.
/// </summary>
public sealed class MailTransport(IOptions<SmtpOptions> smtp, IOptions<DigestOptions> digest)
{
    /// <summary>Says where messages go, for people reading the output.</summary>
    public string Destination => smtp.Value.Configured
        ? $"SMTP {smtp.Value.Host}:{smtp.Value.Port} ({smtp.Value.Security})"
        : $"files in {ProjectPaths.Display(digest.Value.ResolvedMailDirectory)}";

    public bool WritesFiles => !smtp.Value.Configured;

    public MailboxAddress From => MailboxAddress.Parse(smtp.Value.From);

    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        if (!smtp.Value.Configured)
        {
            return new FileSession(Directory.CreateDirectory(digest.Value.ResolvedMailDirectory).FullName);
        }

        var options = smtp.Value;
        var client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        try
        {
            var security = options.Security switch
            {
                "tls" => SecureSocketOptions.SslOnConnect,
                "starttls" => SecureSocketOptions.StartTls,
                _ => SecureSocketOptions.None,
            };
            // Nagle's algorithm holds back the small writes of each SMTP command until the previous one is
            // acknowledged, which with delayed acknowledgements costs tens of milliseconds a message.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(options.Host, options.Port, cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            await client.ConnectAsync(socket, options.Host, options.Port, security, cancellationToken);
            if (options.User.Length > 0)
            {
                await client.AuthenticateAsync(options.User, options.Password, cancellationToken);
            }

            return new SmtpSession(client);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            client.Dispose();
            throw Classify(ex, $"cannot open SMTP {options.Host}:{options.Port}");
        }
    }

    /// <summary>5xx answers are permanent; refused connections, timeouts, 4xx answers and dropped sessions are worth another try.</summary>
    private static MailDeliveryException Classify(Exception error, string context) => error switch
    {
        SmtpCommandException command => new MailDeliveryException($"{context}: {(int)command.StatusCode} {command.Message}", permanent: (int)command.StatusCode >= 500, command),
        AuthenticationException auth => new MailDeliveryException($"{context}: login refused ({auth.Message}); check Smtp:User and Smtp:Password", permanent: true, auth),
        _ => new MailDeliveryException($"{context}: {error.Message}", permanent: false, error),
    };

    private sealed class SmtpSession(SmtpClient client) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw Classify(ex, $"SMTP refused {message.MessageId}");
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(quit: true);
                }
                catch (Exception ex) when (ex is IOException or SmtpProtocolException or SocketException)
                {
                    // Every message was already accepted or refused; a QUIT that fails changes nothing.
                }
            }

            client.Dispose();
        }
    }

    /// <summary>Writes each message as it would go on the wire, named after its Message-ID.</summary>
    private sealed class FileSession(string folder) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var name = string.Concat((message.MessageId ?? "message").Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
            await message.WriteToAsync(Path.Combine(folder, $"{name}.eml"), cancellationToken);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
