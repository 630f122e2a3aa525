using System.Text;
using Almanac.Checking.Reading;

namespace Almanac.Tests.Checking.Reading;

public sealed class DocumentReaderTests
{
    private const string Sample = "# 市场规模\n- **2024年全球LLM市场规模**: 56.17亿美元\n";

    [Fact]
    public void Reads_utf8_without_bom()
    {
        var result = DocumentReader.Read(Encoding.UTF8.GetBytes(Sample), "notes/a.md");
        result.Text.ShouldBe(Sample);
        result.Encoding.ShouldBe("utf-8");
        result.Error.ShouldBeNull();
    }

    [Fact]
    public void Strips_the_utf8_bom_so_offsets_refer_to_the_text()
    {
        var result = DocumentReader.Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)], "a.md");
        result.Text.ShouldBe(Sample);
        result.Text![0].ShouldBe('#');
    }

    [Fact]
    public void Reads_utf16_little_endian_with_bom()
    {
        var result = DocumentReader.Read([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)], "a.md");
        result.Text.ShouldBe(Sample);
        result.Encoding.ShouldBe("utf-16le");
    }

    [Fact]
    public void Reads_utf16_big_endian_with_bom()
    {
        var result = DocumentReader.Read([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)], "a.md");
        result.Text.ShouldBe(Sample);
        result.Encoding.ShouldBe("utf-16be");
    }

    [Fact]
    public void Reads_gb18030_when_the_bytes_are_not_utf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(54936).GetBytes(Sample);
        var result = DocumentReader.Read(bytes, "a.md");
        result.Text.ShouldBe(Sample);
        result.Encoding.ShouldBe("gb18030");
    }

    [Fact]
    public void Refuses_binary_naming_the_first_nul_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("seventeen chars..");
        bytes = [.. bytes, 0x00, .. bytes];
        var result = DocumentReader.Read(bytes, "notes/x.md");
        result.Succeeded.ShouldBeFalse();
        result.Error?.ToString().ShouldBe("notes/x.md: not a text file: byte 0x00 at offset 17");
    }

    [Fact]
    public void Refuses_control_bytes_in_otherwise_valid_utf8()
    {
        var result = DocumentReader.Read([(byte)'a', (byte)'b', 0x01, (byte)'c'], "x.md");
        result.Error?.ToString().ShouldBe("x.md: not a text file: byte 0x01 at offset 2");
    }

    [Fact]
    public void Refuses_bytes_that_are_neither_utf8_nor_gb18030()
    {
        // 0xFF never starts a character in either encoding.
        var result = DocumentReader.Read([(byte)'o', (byte)'k', 0xFF, 0xFF, (byte)'!'], "x.md");
        result.Succeeded.ShouldBeFalse();
        result.Error?.ToString().ShouldBe("x.md: cannot decode as UTF-8 or GB18030 (first bad byte at offset 2)");
    }

    [Fact]
    public void Refuses_documents_over_the_size_limit()
    {
        var result = DocumentReader.Read(new byte[DocumentReader.MaxBytes + 1], "big.md");
        result.Error!.ToString().ShouldStartWith("big.md: too large: 26,214,401 bytes");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_bytes_give_a_result_or_a_message_never_an_exception(int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[10_000];
        random.NextBytes(bytes);
        var result = DocumentReader.Read(bytes, "random.bin");
        (result.Text is null).ShouldBe(result.Error is not null);
        result.Error.ShouldNotBeNull();
    }
}
