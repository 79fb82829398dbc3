export class TagsResponseDto {
  /**
   * Tags in use, most used first.
   * @example ["dragons", "training"]
   */
  tags: string[];
}
