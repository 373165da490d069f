namespace Kim.Casemanagement.StateMachine.Tests;

/// <summary>The states every fixture uses.</summary>
public enum State
{
    A,
    B,
    C,
    D,
}

/// <summary>The triggers every fixture uses.</summary>
public enum Trigger
{
    X,
    Y,
    Z,
}
