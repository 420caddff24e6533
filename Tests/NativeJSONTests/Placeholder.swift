import Testing
@Test func placeholderNativeJSONTests() {}
