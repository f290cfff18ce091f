using System.ComponentModel.DataAnnotations;
using MucGov.Shared.Messaging;
using MucGov.Shared.ServiceDefaults;
using Xunit;

namespace MucGov.Shared.Tests;

public sealed class OptionsTests
{
    private static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Theory]
    [InlineData("ticket", true)]
    [InlineData("gateway", true)]
    [InlineData("", false)]
    [InlineData("Ticket Service", false)]
    public void Service_name_must_be_a_short_lowercase_id(string name, bool valid)
    {
        var errors = Validate(new ServiceOptions { Name = name });

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void Body_limit_below_one_kilobyte_is_refused()
    {
        var errors = Validate(new ServiceOptions { Name = "ticket", MaxRequestBodyBytes = 100 });

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(ServiceOptions.MaxRequestBodyBytes)));
    }

    [Fact]
    public void Broker_settings_without_credentials_are_refused()
    {
        var errors = Validate(new RabbitMqOptions());

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(RabbitMqOptions.Username)));
        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(RabbitMqOptions.Password)));
    }

    [Fact]
    public void Retry_intervals_fall_back_to_the_defaults_only_when_none_are_configured()
    {
        var configured = new RabbitMqOptions { RetryIntervals = [TimeSpan.FromSeconds(3)] };

        Assert.Equal(RabbitMqOptions.DefaultRetryIntervals, new RabbitMqOptions().EffectiveRetryIntervals);
        Assert.Equal([TimeSpan.FromSeconds(3)], configured.EffectiveRetryIntervals);
    }

    [Fact]
    public void Outbox_poll_interval_must_be_positive()
    {
        var errors = Validate(new OutboxOptions { PollInterval = TimeSpan.Zero });

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(OutboxOptions.PollInterval)));
    }
}
