using System.ComponentModel.DataAnnotations;

namespace NewsPulse.App.Hosting;

/// <summary>Configuration section <c>Smtp</c>: where digests are sent. No host: they are written as .eml files instead.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string SectionName = "Smtp";

    public static readonly string[] SecurityModes = ["none", "starttls", "tls"];

    /// <summary>The SMTP server; empty writes every message under <see cref="DigestOptions.MailDirectory"/>.</summary>
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>none, starttls (upgrade a plain connection; refused if the server cannot) or tls (implicit TLS, usually port 465).</summary>
    public string Security { get; set; } = "starttls";

    public string User { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The sender, as an address or "Name &lt;address&gt;".</summary>
    public string From { get; set; } = "NewsPulse <digest@newspulse.localhost>";

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!SecurityModes.Contains(Security))
        {
            yield return new ValidationResult($"must be one of {string.Join(", ", SecurityModes)}", [nameof(Security)]);
        }

        if (!MimeKit.MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult("must be an email address, or \"Name <address>\"", [nameof(From)]);
        }

        if (string.IsNullOrEmpty(User) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("User and Password go together: set both or neither", [nameof(User), nameof(Password)]);
        }
    }
}
