using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PortalOneTimeCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CodeHash",
                table: "PendingSignUps");

            migrationBuilder.DropColumn(
                name: "CodeSalt",
                table: "PendingSignUps");

            migrationBuilder.DropColumn(
                name: "FailedAttempts",
                table: "PendingSignUps");

            migrationBuilder.DropColumn(
                name: "Sends",
                table: "PendingSignUps");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "AssistedSubmissions");

            migrationBuilder.DropColumn(
                name: "CodeHash",
                table: "AssistedSubmissions");

            migrationBuilder.RenameColumn(
                name: "ExpiresAtUtc",
                table: "PendingSignUps",
                newName: "CodeId");

            migrationBuilder.RenameColumn(
                name: "ExpiresAtUtc",
                table: "AssistedSubmissions",
                newName: "CodeId");

            migrationBuilder.AddColumn<bool>(
                name: "Sensitive",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "OneTimeCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Salt = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Sends = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsumedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OneTimeCodes", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OneTimeCodes");

            migrationBuilder.DropColumn(
                name: "Sensitive",
                table: "OutboxMessages");

            migrationBuilder.RenameColumn(
                name: "CodeId",
                table: "PendingSignUps",
                newName: "ExpiresAtUtc");

            migrationBuilder.RenameColumn(
                name: "CodeId",
                table: "AssistedSubmissions",
                newName: "ExpiresAtUtc");

            migrationBuilder.AddColumn<string>(
                name: "CodeHash",
                table: "PendingSignUps",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CodeSalt",
                table: "PendingSignUps",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "FailedAttempts",
                table: "PendingSignUps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Sends",
                table: "PendingSignUps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "AssistedSubmissions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CodeHash",
                table: "AssistedSubmissions",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");
        }
    }
}
