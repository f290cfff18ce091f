using MucGov.Shared.ServiceDefaults;
using Xunit;

namespace MucGov.Shared.Tests;

public sealed class TextInputTests
{
    [Theory]
    [InlineData("Wo bekomme ich einen Reisepass?")]
    [InlineData("مرحبا \u200f كيف حالك")]
    [InlineData("Servus 👋 e\u0301")]
    [InlineData("")]
    public void Text_of_any_script_with_emoji_and_combining_marks_is_storable(string text) => Assert.True(TextInput.IsStorable(text));

    [Fact]
    public void The_nul_character_and_lone_surrogates_are_not()
    {
        // Built here: test data passing through the runner would have lone surrogates replaced.
        string[] unstorable = ["Reise\0pass", "\ud800", "a\udc00b", "ends with \ud83d", "\udc00\ud800"];

        Assert.All(unstorable, text => Assert.False(TextInput.IsStorable(text)));
    }
}
