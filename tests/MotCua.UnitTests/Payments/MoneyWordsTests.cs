using MotCua.Domain.Payments;

namespace MotCua.UnitTests.Payments;

public sealed class MoneyWordsTests
{
    [Theory]
    [InlineData(0, "Không đồng")]
    [InlineData(2000, "Hai nghìn đồng")]
    [InlineData(15000, "Mười lăm nghìn đồng")]
    [InlineData(21000, "Hai mươi mốt nghìn đồng")]
    [InlineData(105000, "Một trăm linh năm nghìn đồng")]
    [InlineData(1250000, "Một triệu hai trăm năm mươi nghìn đồng")]
    [InlineData(1005000, "Một triệu không trăm linh năm nghìn đồng")]
    [InlineData(34500, "Ba mươi tư nghìn năm trăm đồng")]
    [InlineData(2000000000, "Hai tỷ đồng")]
    public void Amounts_are_written_the_way_receipts_write_them(long dong, string words) => Assert.Equal(words, MoneyWords.InWords(dong));
}
