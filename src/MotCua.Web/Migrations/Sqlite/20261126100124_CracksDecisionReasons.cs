using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace MotCua.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CracksDecisionReasons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReasonCode",
                table: "DossierEvents",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DecisionReasons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Actions = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionReasons", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "DecisionReasons",
                columns: new[] { "Id", "Actions", "Active", "Code", "Order", "Text" },
                values: new object[,]
                {
                    { 1, "refuse", true, "KHONG-THAM-QUYEN", 10, "Không thuộc thẩm quyền giải quyết của cơ quan" },
                    { 2, "refuse,send-back", true, "GIAY-TO-KHONG-HOP-LE", 20, "Giấy tờ trong hồ sơ không hợp lệ hoặc không đúng quy định" },
                    { 3, "refuse,stop", true, "GIAY-TO-GIA-MAO", 30, "Giấy tờ giả mạo, tẩy xóa, sửa chữa" },
                    { 4, "refuse", true, "KHONG-DU-DIEU-KIEN", 40, "Không đủ điều kiện theo quy định của pháp luật" },
                    { 5, "refuse,stop", true, "KHONG-BO-SUNG", 50, "Quá thời hạn mà người nộp không bổ sung, hoàn thiện hồ sơ" },
                    { 6, "stop", true, "DANG-TRANH-CHAP", 60, "Đối tượng của thủ tục đang có tranh chấp, khiếu nại" },
                    { 7, "stop", true, "CO-QUAN-YEU-CAU-DUNG", 70, "Theo yêu cầu của cơ quan có thẩm quyền" },
                    { 8, "send-back", true, "SAI-NOI-DUNG", 80, "Nội dung thẩm định hoặc dự thảo kết quả chưa đúng" },
                    { 9, "send-back", true, "THIEU-Y-KIEN-PHOI-HOP", 90, "Thiếu ý kiến của cơ quan phối hợp" },
                    { 10, "refuse,stop,send-back", true, "KHAC", 100, "Lý do khác (ghi rõ trong nội dung)" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionReasons_Code",
                table: "DecisionReasons",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DecisionReasons");

            migrationBuilder.DropColumn(
                name: "ReasonCode",
                table: "DossierEvents");
        }
    }
}
