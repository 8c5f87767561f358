#include "tests/hostile/hostile_files.h"

#include <openssl/evp.h>
#include <zlib.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>

namespace cnbudget::hostile {
namespace {

void Put16(std::string* out, unsigned v) {
  out->push_back(static_cast<char>(v & 0xff));
  out->push_back(static_cast<char>((v >> 8) & 0xff));
}

void Put32(std::string* out, std::uint64_t v) {
  Put16(out, static_cast<unsigned>(v & 0xffff));
  Put16(out, static_cast<unsigned>((v >> 16) & 0xffff));
}

struct Packed {
  std::string compressed;
  std::uint32_t crc = 0;
  std::uint64_t size = 0;
};

// Raw deflate (no zlib header), as zip method 8 wants, of `data`.
Packed DeflateRaw(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate");
  out.resize(z.total_out);
  deflateEnd(&z);
  const auto crc = crc32(0, reinterpret_cast<const Bytef*>(data.data()),
                         static_cast<uInt>(data.size()));
  return {out, static_cast<std::uint32_t>(crc), data.size()};
}

// Raw deflate of `zeros` zero bytes (a multiple of 1 MiB) without deflating
// them all: one sync-flushed block that inflates to 1 MiB of zeros only
// refers back to zeros, so the same bytes repeated inflate to n MiB. The
// CRC is combined by doubling.
Packed DeflateZeros(std::uint64_t zeros) {
  constexpr std::uint64_t kMiB = 1 << 20;
  if (zeros % kMiB != 0) throw std::invalid_argument("zeros: not a multiple of 1 MiB");
  const std::string chunk(kMiB, '\0');
  z_stream z{};
  if (deflateInit2(&z, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2");
  std::string block(deflateBound(&z, kMiB) + 16, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
  z.avail_in = static_cast<uInt>(kMiB);
  z.next_out = reinterpret_cast<Bytef*>(block.data());
  z.avail_out = static_cast<uInt>(block.size());
  deflate(&z, Z_SYNC_FLUSH);
  block.resize(z.total_out);
  unsigned char final_block[16];
  z.next_out = final_block;
  z.avail_out = sizeof final_block;
  deflate(&z, Z_FINISH);  // an empty final block
  const std::size_t final_size = sizeof final_block - z.avail_out;
  deflateEnd(&z);

  Packed packed;
  packed.size = zeros;
  for (std::uint64_t i = 0; i < zeros / kMiB; ++i) packed.compressed += block;
  packed.compressed.append(reinterpret_cast<char*>(final_block), final_size);
  uLong crc = crc32(0, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(kMiB));
  uLong total = 0;
  std::uint64_t done = 0;
  for (std::uint64_t bit = 1, len = kMiB; bit <= zeros / kMiB; bit <<= 1, len <<= 1) {
    if ((zeros / kMiB) & bit) {
      total = done == 0 ? crc : crc32_combine(total, crc, static_cast<z_off_t>(len));
      done += len;
    }
    crc = crc32_combine(crc, crc, static_cast<z_off_t>(len));
  }
  packed.crc = static_cast<std::uint32_t>(total);
  return packed;
}

std::string Padded(const std::string& password) {
  static const unsigned char kPad[32] = {
      0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E,
      0x56, 0xFF, 0xFA, 0x01, 0x08, 0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68,
      0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A};
  std::string out = password.substr(0, 32);
  out.append(reinterpret_cast<const char*>(kPad), 32 - out.size());
  return out;
}

std::string Md5(const std::string& data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_md5(), nullptr);
  return std::string(reinterpret_cast<char*>(md), len);
}

// RC4 is what PDF revision 2 encryption uses; OpenSSL 3 hides it in the
// legacy provider, and it is ten lines.
std::string Rc4(const std::string& key, const std::string& data) {
  std::array<unsigned char, 256> s;
  for (int i = 0; i < 256; ++i) s[i] = static_cast<unsigned char>(i);
  for (int i = 0, j = 0; i < 256; ++i) {
    j = (j + s[i] + static_cast<unsigned char>(key[i % key.size()])) & 255;
    std::swap(s[i], s[j]);
  }
  std::string out = data;
  for (std::size_t n = 0, i = 0, j = 0; n < out.size(); ++n) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    std::swap(s[i], s[j]);
    out[n] = static_cast<char>(out[n] ^ s[(s[i] + s[j]) & 255]);
  }
  return out;
}

std::string Hex(const std::string& bytes) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

// n in base 26 with letters ("a", "b", ... "ba"): distinct cell texts
// without digits.
std::string Letters(int n) {
  std::string out;
  do {
    out.insert(out.begin(), static_cast<char>('a' + n % 26));
    n /= 26;
  } while (n > 0);
  return out;
}

}  // namespace

std::string MakeZip(const std::vector<ZipEntry>& entries) {
  std::string out, directory;
  for (const ZipEntry& e : entries) {
    const Packed p = e.zeros > 0 ? DeflateZeros(e.zeros) : DeflateRaw(e.data);
    const std::uint64_t offset = out.size();
    auto common = [&](std::string* s) {
      Put16(s, 20);      // version needed
      Put16(s, 0x0800);  // UTF-8 names
      Put16(s, 8);       // deflate
      Put16(s, 0);       // time
      Put16(s, 0x21);    // date: 1980-01-01
      Put32(s, p.crc);
      Put32(s, p.compressed.size());
      Put32(s, p.size);
      Put16(s, static_cast<unsigned>(e.name.size()));
      Put16(s, 0);  // extra field
    };
    Put32(&out, 0x04034b50);
    common(&out);
    out += e.name;
    out += p.compressed;
    Put32(&directory, 0x02014b50);
    Put16(&directory, 20);  // made by
    common(&directory);
    Put16(&directory, 0);  // comment
    Put16(&directory, 0);  // disk
    Put16(&directory, 0);  // internal attributes
    Put32(&directory, 0);  // external attributes
    Put32(&directory, offset);
    directory += e.name;
  }
  const std::uint64_t directory_offset = out.size();
  out += directory;
  Put32(&out, 0x06054b50);
  Put16(&out, 0);
  Put16(&out, 0);
  Put16(&out, static_cast<unsigned>(entries.size()));
  Put16(&out, static_cast<unsigned>(entries.size()));
  Put32(&out, directory.size());
  Put32(&out, directory_offset);
  Put16(&out, 0);
  return out;
}

std::string MakeDocx(const std::string& document_xml, const std::vector<ZipEntry>& extra,
                     const std::string& rels_target) {
  std::vector<ZipEntry> entries = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
       "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Default Extension=\"rels\" "
       "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
       "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
       "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
       "relationships/officeDocument\" Target=\"" +
           rels_target + "\"/></Relationships>"},
      {"word/document.xml", document_xml},
  };
  entries.insert(entries.end(), extra.begin(), extra.end());
  return MakeZip(entries);
}

std::string DocumentXml(const std::string& body, const std::string& prolog) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + prolog +
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
         "<w:body>" +
         body + "</w:body></w:document>";
}

std::string TableXml(int rows, int cols) {
  std::string xml = "<w:tbl><w:tblGrid>";
  for (int c = 0; c < cols; ++c) xml += "<w:gridCol w:w=\"1000\"/>";
  xml += "</w:tblGrid>";
  for (int r = 0; r < rows; ++r) {
    xml += "<w:tr>";
    for (int c = 0; c < cols; ++c)
      xml += "<w:tc><w:p><w:r><w:t>" + Letters(r * cols + c) + "</w:t></w:r></w:p></w:tc>";
    xml += "</w:tr>";
  }
  return xml + "</w:tbl>";
}

std::string NestedTablesXml(int depth) {
  std::string open, close;
  for (int i = 0; i < depth; ++i) {
    open += "<w:tbl><w:tblGrid><w:gridCol w:w=\"1000\"/></w:tblGrid><w:tr><w:tc>";
    open += "<w:p><w:r><w:t>level " + std::to_string(i) + "</w:t></w:r></w:p>";
    close += "<w:p/></w:tc></w:tr></w:tbl>";
  }
  return open + close;
}

std::string MakePdfFromObjects(const std::vector<std::string>& objects,
                               const std::string& trailer_extra) {
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " +
         trailer_extra + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string StreamObject(const std::string& data, const std::string& dict_extra) {
  return "<< /Length " + std::to_string(data.size()) + " " + dict_extra + " >>\nstream\n" +
         data + "\nendstream";
}

std::string Deflate(const std::string& data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
                6) != Z_OK)
    throw std::runtime_error("compress2");
  out.resize(size);
  return out;
}

std::string MakeEncryptedPdf(const std::string& user_password,
                             const std::string& owner_password) {
  // Algorithms 3 and 4 of the PDF 1.7 reference (standard handler, R2).
  const std::string id = "0123456789abcdef";
  const std::string owner_key =
      Md5(Padded(owner_password.empty() ? user_password : owner_password)).substr(0, 5);
  const std::string o = Rc4(owner_key, Padded(user_password));
  const std::int32_t permissions = -44;
  std::string p_bytes;
  Put32(&p_bytes, static_cast<std::uint32_t>(permissions));
  const std::string file_key = Md5(Padded(user_password) + o + p_bytes + id).substr(0, 5);
  const std::string u = Rc4(file_key, Padded(""));
  return MakePdfFromObjects(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
       StreamObject(""),
       "<< /Filter /Standard /V 1 /R 2 /O <" + Hex(o) + "> /U <" + Hex(u) + "> /P " +
           std::to_string(permissions) + " >>"},
      "/Encrypt 5 0 R /ID [<" + Hex(id) + "> <" + Hex(id) + ">]");
}

std::filesystem::path FreshDir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "hostile" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::filesystem::path WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace cnbudget::hostile
