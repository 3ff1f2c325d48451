using FsCheck;
using FsCheck.Fluent;
using MotCua.Domain.Dossiers;

namespace MotCua.UnitTests.Dossiers;

public sealed class DossierCodeTests
{
    [Theory]
    [InlineData("H15.50.05.13", 2026, 10, 8, 975, "H15.50.05.13-261008-0975")]
    [InlineData("000.00.00.H56", 2025, 1, 2, 1, "000.00.00.H56-250102-0001")]
    [InlineData("H56", 2024, 12, 31, 9999, "H56-241231-9999")]
    [InlineData("H56", 2024, 12, 31, 10000, "H56-241231-10000")]
    [InlineData("H56", 2024, 12, 31, 123456, "H56-241231-123456")]
    public void Format_pads_to_four_digits_and_widens_past_9999(string unit, int y, int m, int d, int seq, string expected)
    {
        var code = new DossierCode(unit, new DateOnly(y, m, d), seq);

        Assert.Equal(expected, code.ToString());
        Assert.Equal(expected, DossierCode.Format(unit, new DateOnly(y, m, d), seq));
        Assert.True(DossierCode.TryParse(expected, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Fact]
    public void Parse_reads_the_parts_of_the_published_example()
    {
        Assert.True(DossierCode.TryParse("H15.50.05.13-261008-0975", out var code));

        Assert.Equal("H15.50.05.13", code.UnitCode);
        Assert.Equal(new DateOnly(2026, 10, 8), code.ReceivedOn);
        Assert.Equal(975, code.Sequence);
        Assert.Null(DossierCode.Validate("H15.50.05.13-261008-0975"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("H15.50.05.13-261008-975")]     // fewer than four digits
    [InlineData("H15.50.05.13-261008-00975")]   // padding beyond four digits is not canonical
    [InlineData("H15.50.05.13-261008-0000")]    // sequences start at 1
    [InlineData("H15.50.05.13-261308-0975")]    // month 13
    [InlineData("H15.50.05.13-260230-0975")]    // 30 February
    [InlineData("H15.50.05.13-2610080-0975")]
    [InlineData("H15.50.05.13-26100-0975")]
    [InlineData("-261008-0975")]
    [InlineData("H15 50-261008-0975")]
    [InlineData("H15.50.05.13-261008-09a5")]
    [InlineData("H15.50.05.13-261008-0975 ")]
    [InlineData("H15..50-261008-0975")]
    [InlineData(".H15-261008-0975")]
    [InlineData("H15-50-261008-0975")]          // a dash inside the unit code
    [InlineData("261008-0975")]
    [InlineData("H56-261008-2147483648")]       // beyond int
    [InlineData("H56-261008-99999999999")]
    public void Parse_rejects_anything_but_the_canonical_form(string? text)
    {
        Assert.False(DossierCode.TryParse(text, out _));
        Assert.NotNull(DossierCode.Validate(text));
    }

    [Fact]
    public void Leap_day_parses_in_a_leap_year_only()
    {
        Assert.True(DossierCode.TryParse("H56-280229-0001", out var code));
        Assert.Equal(new DateOnly(2028, 2, 29), code.ReceivedOn);
        Assert.False(DossierCode.TryParse("H56-270229-0001", out _));
    }

    [Fact]
    public void Years_after_2049_stay_in_this_century()
    {
        var code = new DossierCode("H56", new DateOnly(2075, 3, 1), 1);
        Assert.True(DossierCode.TryParse(code.ToString(), out var parsed));
        Assert.Equal(2075, parsed.ReceivedOn.Year);
    }

    [Fact]
    public void Constructor_rejects_bad_parts()
    {
        Assert.Throws<ArgumentException>(() => new DossierCode("H-56", new DateOnly(2026, 1, 1), 1));
        Assert.Throws<ArgumentException>(() => new DossierCode("", new DateOnly(2026, 1, 1), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DossierCode("H56", new DateOnly(2026, 1, 1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DossierCode("H56", new DateOnly(1999, 12, 31), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DossierCode("H56", new DateOnly(2100, 1, 1), 1));
    }

    [Fact]
    public void Result_code_appends_KQ_and_the_result_number()
    {
        var code = new DossierCode("H15.50.05.13", new DateOnly(2026, 10, 8), 975);

        Assert.Equal("H15.50.05.13-261008-0975-KQ1", code.ResultCode(1));
        Assert.Equal("H15.50.05.13-261008-0975-KQ12", code.ResultCode(12));
        Assert.Throws<ArgumentOutOfRangeException>(() => code.ResultCode(0));

        Assert.True(DossierCode.TryParseResultCode("H15.50.05.13-261008-0975-KQ12", out var parsed, out var n));
        Assert.Equal(code, parsed);
        Assert.Equal(12, n);
    }

    [Theory]
    [InlineData("H15.50.05.13-261008-0975")]
    [InlineData("H15.50.05.13-261008-0975-KQ")]
    [InlineData("H15.50.05.13-261008-0975-KQ0")]
    [InlineData("H15.50.05.13-261008-0975-KQ01")]
    [InlineData("H15.50.05.13-261008-0975-KQx")]
    [InlineData("H15.50.05.13-261008-975-KQ1")]
    [InlineData(null)]
    public void Result_code_parse_rejects_malformed_codes(string? text) =>
        Assert.False(DossierCode.TryParseResultCode(text, out _, out _));

    [Fact]
    public void Any_valid_code_round_trips_through_text()
    {
        var units = Gen.Elements("H15.50.05.13", "000.00.00.H56", "H56", "X1.2", "22783");
        var dates = Gen.Choose(0, 36524).Select(d => new DateOnly(2000, 1, 1).AddDays(d));
        var sequences = Gen.Choose(1, int.MaxValue);
        var codes = units.SelectMany(u => dates.SelectMany(d => sequences.Select(s => new DossierCode(u, d, s))));

        Prop.ForAll(codes.ToArbitrary(), code =>
        {
            var text = code.ToString();
            return DossierCode.TryParse(text, out var parsed) && parsed == code && text.Length >= code.UnitCode.Length + 12;
        }).QuickCheckThrowOnFailure();
    }
}
