using MucGov.Identity.Accounts;
using MucGov.Identity.Apis;
using MucGov.Shared.Auth;
using Xunit;

namespace MucGov.Identity.Tests;

public sealed class ProfileValidationTests
{
    private static ProfileApi.ProfileUpdate Valid(string givenName = "Franziska", string? postalCode = "81539", string language = "de", string? phone = "+49 89 233-96000") =>
        new(givenName, "Obermaier", new DateOnly(1985, 4, 12), new ProfileApi.AddressView("Tegernseer Landstraße", "161", postalCode, "München"), "f.obermaier@example.org",
            phone, language);

    [Fact]
    public void An_address_with_a_character_that_cannot_be_stored_is_refused() =>
        Assert.All(["Tegernseer\0Landstraße", "Tegernseer \ud800Landstraße"], street => Assert.Contains("address.street",
            ProfileApi.Validate(Valid() with { Address = new ProfileApi.AddressView(street, "161", "81539", "München") }, new Account()).Keys));

    [Fact]
    public void Complete_profile_is_valid() => Assert.Empty(ProfileApi.Validate(Valid(), new Account()));

    [Theory]
    [InlineData("Ayşe")]
    [InlineData("Jean-Luc")]
    [InlineData("Đorđe")]
    [InlineData("Mary Ann O'Neil")]
    public void Names_from_everywhere_are_accepted(string name) => Assert.Empty(ProfileApi.Validate(Valid(givenName: name), new Account()));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<script>")]
    [InlineData("R2D2")]
    public void Empty_or_non_names_are_refused(string name) =>
        Assert.Contains("givenName", ProfileApi.Validate(Valid(givenName: name), new Account()).Keys);

    [Theory]
    [InlineData("8033")]
    [InlineData("803311")]
    [InlineData("8O331")]
    public void Postcode_must_have_five_digits(string postalCode) =>
        Assert.Contains("address.postalCode", ProfileApi.Validate(Valid(postalCode: postalCode), new Account()).Keys);

    [Theory]
    [InlineData("bar", true)]
    [InlineData("uk", true)]
    [InlineData("Deutsch", false)]
    [InlineData("DE", false)]
    public void Language_is_an_iso_code_or_bavarian(string language, bool valid) =>
        Assert.Equal(valid, !ProfileApi.Validate(Valid(language: language), new Account()).ContainsKey("preferredLanguage"));

    [Fact]
    public void Names_verified_with_eid_cannot_change_but_the_address_can()
    {
        var verified = new Account { GivenName = "Franziska", FamilyName = "Obermaier", BirthDate = new DateOnly(1985, 4, 12), TrustLevel = TrustLevels.High };

        Assert.Empty(ProfileApi.Validate(Valid(postalCode: "80331"), verified));
        Assert.Contains("givenName", ProfileApi.Validate(Valid(givenName: "Fanny"), verified).Keys);
    }
}
