using System.Security.Cryptography;
using System.Text;
using MotCua.Domain.Payments;

namespace MotCua.UnitTests.Payments;

public sealed class GatewaySignatureTests
{
    private const string Secret = "unit-test-secret";

    private static Dictionary<string, string> Callback() => new()
    {
        ["vnp_TxnRef"] = "MC25060312345678",
        ["vnp_Amount"] = "200000",
        ["vnp_ResponseCode"] = "00",
        ["vnp_OrderInfo"] = "Thanh toan phi ho so 22783-250603-0001",
        ["vnp_TmnCode"] = "MOTCUA01",
        ["vnp_BankCode"] = "",
    };

    [Fact]
    public void Canonical_text_sorts_vnp_fields_by_name_encodes_values_and_skips_empty_and_hash_fields()
    {
        var p = Callback();
        p[GatewaySignature.HashField] = "abc";
        p[GatewaySignature.HashTypeField] = "HmacSHA512";
        p["other"] = "x";

        Assert.Equal(
            "vnp_Amount=200000&vnp_OrderInfo=Thanh+toan+phi+ho+so+22783-250603-0001&vnp_ResponseCode=00&vnp_TmnCode=MOTCUA01&vnp_TxnRef=MC25060312345678",
            GatewaySignature.Canonical(p));
    }

    [Fact]
    public void Signature_is_hmac_sha512_of_the_canonical_text_in_lower_case_hex()
    {
        var p = Callback();
        var expected = Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(GatewaySignature.Canonical(p))));

        Assert.Equal(expected, GatewaySignature.Sign(p, Secret));
        Assert.Equal(128, expected.Length);
    }

    [Fact]
    public void Verify_accepts_the_signed_fields_in_any_order_and_rejects_any_change_a_wrong_secret_or_no_hash()
    {
        var p = Callback();
        p[GatewaySignature.HashField] = GatewaySignature.Sign(p, Secret).ToUpperInvariant();
        var reordered = p.Reverse().ToDictionary(x => x.Key, x => x.Value);

        Assert.True(GatewaySignature.Verify(reordered, Secret));
        Assert.False(GatewaySignature.Verify(new Dictionary<string, string>(p) { ["vnp_Amount"] = "100000" }, Secret));
        Assert.False(GatewaySignature.Verify(new Dictionary<string, string>(p) { ["vnp_PayDate"] = "20250603090000" }, Secret));
        Assert.False(GatewaySignature.Verify(p, "another-secret"));
        Assert.False(GatewaySignature.Verify(Callback(), Secret));
    }

    [Theory]
    [InlineData(2000, "200000")]
    [InlineData(1, "100")]
    public void Amounts_travel_in_hundredths_of_a_dong(long dong, string wire)
    {
        Assert.Equal(wire, GatewaySignature.Amount(dong));
        Assert.Equal(dong, GatewaySignature.ParseAmount(wire));
    }

    [Theory]
    [InlineData("200050")]
    [InlineData("-100")]
    [InlineData("")]
    [InlineData(null)]
    public void A_malformed_amount_parses_to_nothing(string? wire) => Assert.Null(GatewaySignature.ParseAmount(wire));
}
