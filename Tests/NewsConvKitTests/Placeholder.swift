import Testing
@Test func placeholderNewsConvKitTests() {}
