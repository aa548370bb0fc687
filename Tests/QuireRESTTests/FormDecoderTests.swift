import QuireREST
import Testing

@Suite struct FormDecoderTests {
    @Test func bracketKeysBuildListsAndMaps() throws {
        let q = FormDecoder.decode("tags[]=1&tags[]=2&meta[color]=red&a.b=x&s=")
        #expect(q["tags"] == ["1", "2"])
        #expect(q["meta"] == ["color": "red"])
        #expect(q["a_b"] == "x")
        #expect(q["s"] == "")
    }

    @Test func emptyValueIsEmptyString() {
        #expect(FormDecoder.decode("_jsonp=")["_jsonp"] == "")
        #expect(FormDecoder.decode("_jsonp")["_jsonp"] == "")
    }

    @Test func nestedListsOfMaps() {
        let q = FormDecoder.decode("aobj[0][id]=1&aobj[0][name]=x&aa[1][]=3")
        #expect(q["aobj"] == [["id": "1", "name": "x"]])
        #expect(q["aa"] == .object(["1": ["3"]]))
    }
}
