using MotCua.Domain.Dossiers;
using MotCua.Domain.NationalPortal;

namespace MotCua.UnitTests.NationalPortal;

/// <summary>THE mapping of local states to the national portal's TrangThaiHoSo (issue 22 item 1).</summary>
public sealed class NationalStatusTests
{
    [Fact]
    public void Every_local_state_maps_to_a_national_code_from_1_to_10()
    {
        Assert.Equal(DossierStatuses.All.Order(), NationalStatus.Table.Keys.Order());
        Assert.All(DossierStatuses.All, s =>
        {
            var code = NationalStatus.Of(s);
            Assert.InRange(code, 1, 10);
            Assert.False(string.IsNullOrWhiteSpace(NationalStatus.Label(code)));
        });
    }

    [Theory]
    [InlineData(DossierStatus.AwaitingSupplement, 5)]
    [InlineData(DossierStatus.AwaitingFee, 6)]
    [InlineData(DossierStatus.Stopped, 8)]
    [InlineData(DossierStatus.Withdrawn, 7)]
    public void Holds_keep_their_own_code_and_are_never_reported_done(DossierStatus hold, int expected)
    {
        Assert.Equal(expected, NationalStatus.Of(hold));
        Assert.False(NationalStatus.IsDone(NationalStatus.Of(hold)));
        Assert.NotEqual(NationalStatus.Processed, NationalStatus.Of(hold));
        Assert.NotEqual(NationalStatus.Returned, NationalStatus.Of(hold));
    }

    [Fact]
    public void Only_a_decided_dossier_is_done_and_only_a_returned_one_is_10()
    {
        var done = DossierStatuses.All.Where(s => NationalStatus.IsDone(NationalStatus.Of(s))).Order().ToArray();
        Assert.Equal([DossierStatus.Approved, DossierStatus.ResultReady, DossierStatus.Returned], done);
        Assert.All(done, s => Assert.True(s.IsDecided()));
        Assert.Equal([DossierStatus.Returned], DossierStatuses.All.Where(s => NationalStatus.Of(s) == NationalStatus.Returned));
        // Pending states (including the paused ones) are never done, whatever they resume to.
        Assert.All(DossierStatuses.All.Where(s => s.IsPending()), s => Assert.False(NationalStatus.IsDone(NationalStatus.Of(s))));
    }

    [Theory]
    [InlineData(DossierStatus.AwaitingReception, 1)]
    [InlineData(DossierStatus.Received, 2)]
    [InlineData(DossierStatus.InProcess, 4)]
    [InlineData(DossierStatus.AwaitingApproval, 4)]
    [InlineData(DossierStatus.Approved, 9)]
    [InlineData(DossierStatus.ResultReady, 9)]
    [InlineData(DossierStatus.Returned, 10)]
    [InlineData(DossierStatus.Refused, 3)]
    public void The_table_as_documented(DossierStatus status, int code) => Assert.Equal(code, NationalStatus.Of(status));

    [Theory]
    [InlineData(false, false, 1)]
    [InlineData(true, false, 2)]
    [InlineData(false, true, 3)]
    public void Channel_codes(bool online, bool postal, int code) => Assert.Equal(code, NationalStatus.ChannelCode(online, postal));

    [Theory]
    [InlineData("058090001234", null, 1)]
    [InlineData(null, "4500123456", 2)]
    [InlineData("058090001234", "4500123456", 1)]
    [InlineData(null, null, 1)]
    public void Applicant_type(string? id, string? tax, int code) => Assert.Equal(code, NationalStatus.ApplicantType(id, tax));
}
