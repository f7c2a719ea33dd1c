using System.Text;
using NewsPulse.Ingest.Extraction;

namespace NewsPulse.Ingest.Tests;

public class HtmlDecoderTests
{
    private const string French = "Les États-Unis et la Chine : « déjà » 5 € d’écart";

    static HtmlDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Header_charset_wins_over_the_utf8_default()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes($"<p>{French}</p>");

        Assert.Equal($"<p>{French}</p>", HtmlDecoder.Decode(bytes, "text/html; charset=windows-1252"));
    }

    [Fact]
    public void Meta_charset_is_used_when_the_header_has_none()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes($"<html><head><meta charset=\"windows-1252\"></head><body>{French}</body></html>");

        Assert.Contains(French, HtmlDecoder.Decode(bytes, "text/html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Latin1_label_is_read_as_windows_1252_like_browsers_do()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">“quoted” €");

        Assert.EndsWith("“quoted” €", HtmlDecoder.Decode(bytes, null), StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_order_mark_wins_and_is_not_part_of_the_text()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(French)).ToArray();

        Assert.Equal(French, HtmlDecoder.Decode(bytes, "text/html; charset=iso-8859-1"));
    }

    [Theory]
    [InlineData("text/html; charset=utf-8")]
    [InlineData("text/html")]
    public void Windows_1252_bytes_labelled_or_assumed_utf8_still_come_out_right(string contentType)
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes($"<meta charset=\"utf-8\"><p>{French}</p>");

        Assert.EndsWith($"<p>{French}</p>", HtmlDecoder.Decode(bytes, contentType), StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_is_read_whatever_the_label()
    {
        var bytes = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(French)).ToArray();

        Assert.Equal(French, HtmlDecoder.Decode(bytes, "text/html; charset=utf-8"));
    }

    [Fact]
    public void Unknown_charset_falls_back_to_utf8()
    {
        Assert.Equal(French, HtmlDecoder.Decode(Encoding.UTF8.GetBytes(French), "text/html; charset=x-no-such-charset"));
    }
}
