using MotCua.Domain.Procedures;

namespace MotCua.UnitTests.Procedures;

public sealed class DocumentListTests
{
    [Fact]
    public void Parse_splits_on_bars_and_reads_the_number_of_originals()
    {
        var docs = DocumentList.Parse("Tờ khai đăng ký khai sinh [1 bản chính] | Giấy chứng sinh; [2 bản chính] | Bản sao giấy tờ tùy thân [0 bản chính]");
        Assert.Equal(3, docs.Count);
        Assert.Equal(new ParsedDocument("Tờ khai đăng ký khai sinh", DocumentKind.Original, 1), docs[0]);
        Assert.Equal(new ParsedDocument("Giấy chứng sinh", DocumentKind.Original, 2), docs[1]);
        Assert.Equal(DocumentKind.Copy, docs[2].Kind);
    }

    [Fact]
    public void Parse_recognises_certified_copies_and_tolerates_a_missing_suffix()
    {
        var docs = DocumentList.Parse("Bản sao có chứng thực hợp đồng [0 bản chính] | Giấy tờ khác");
        Assert.Equal(DocumentKind.CertifiedCopy, docs[0].Kind);
        Assert.Equal("Giấy tờ khác", docs[1].Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData(" | [1 bản chính] | ")]
    public void Parse_of_nothing_is_empty(string? text) => Assert.Empty(DocumentList.Parse(text));

    [Fact]
    public void Format_then_parse_gives_the_same_documents()
    {
        var docs = DocumentList.Parse("A [3 bản chính] | Bản sao có chứng thực B [0 bản chính] | C [0 bản chính]");
        Assert.Equal(docs, DocumentList.Parse(DocumentList.Format(docs)));
    }

    [Fact]
    public void Every_document_of_the_sample_file_parses_with_a_name()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "MotCua.slnx")))
        {
            dir = dir.Parent;
        }

        // No quoted newlines in this file, and the document list is the 8th of 9 columns: split from the right.
        var lines = File.ReadAllLines(Path.Combine(dir.FullName, "src", "MotCua.Web", "DemoData", "procedures-sample.csv")).Skip(1).ToArray();
        Assert.Equal(64, lines.Length);
        var documents = lines.Select(l => l[..l.LastIndexOf(",\"https://", StringComparison.Ordinal)]).Select(l => l[(l.IndexOf(",\"", l.LastIndexOf(",,", StringComparison.Ordinal), StringComparison.Ordinal) + 1)..].Trim('"'));
        Assert.All(documents, d => Assert.All(DocumentList.Parse(d), doc => Assert.False(string.IsNullOrWhiteSpace(doc.Name))));
        Assert.True(documents.Sum(d => DocumentList.Parse(d).Count) > 64);
    }
}
