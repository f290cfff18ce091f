using MucGov.Knowledge.Catalog;
using MucGov.Knowledge.Search;
using Xunit;

namespace MucGov.Knowledge.Tests;

/// <summary>Places are found by what people call them, typos and umlauts written out included; a part of a name is not enough.</summary>
public sealed class LocationSearchTests
{
    private static readonly IReadOnlyList<LocationIndex.Indexed> Index = LocationIndex.Index(SampleCatalog.Read().Locations);

    [Theory]
    [InlineData("wo ist das kvr", "kvr-ruppertstrasse")]
    [InlineData("Fundbiro, wo is des?", "fundbuero-oetztaler-strasse")]
    [InlineData("wo is des standesamt in der ruppertstrase", "standesamt-ruppertstrasse")]
    [InlineData("Bürgerbüro Pasing adress?", "buergerbuero-pasing")]
    [InlineData("Und da Wertstoffhof in da Tübinger Straß, hod der am Samstog offen?", "wertstoffhof-tuebinger-strasse")]
    [InlineData("Standesamt Ruppertstrasse open today?", "standesamt-ruppertstrasse")]
    public void A_place_is_found_by_its_everyday_name(string question, string expected)
    {
        var ranked = LocationIndex.Rank(Index, LocationIndex.Words(question));

        Assert.NotEmpty(ranked);
        Assert.Equal(expected, ranked[0].Entry.Id);
        Assert.True(ranked[0].Confidence >= 0.9);
    }

    [Theory]
    [InlineData("wo ist das standesamt?")]
    [InlineData("Was kostet ein Reisepass?")]
    public void Part_of_a_name_finds_no_place_for_sure(string question) =>
        Assert.DoesNotContain(LocationIndex.Rank(Index, LocationIndex.Words(question)), r => r.Confidence >= 0.9);
}
