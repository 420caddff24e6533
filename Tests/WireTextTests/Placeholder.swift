import Testing
@Test func placeholderWireTextTests() {}
